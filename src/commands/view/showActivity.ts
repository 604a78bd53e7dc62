import type { Services } from '../../services';
import { loadPanels } from '../panels';

/**
 * Show Activity: the history of what this extension changed, filterable (a project or user row, or
 * `{ projectId?, loginId? }`, prefilters it), exportable, with Undo for enable/disable. All of it lives in the panels'
 * bundle. Returns the panel's handle so extension-host tests can drive the page's messages.
 */
export const showActivity = (s: Services) => (arg?: unknown) => loadPanels(s).showActivity(s, arg);
