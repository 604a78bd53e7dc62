import type { Services } from '../../services';
import { loadTeams } from '../teams';

/** Export Project Definitions…: the flow runs in the on-demand teams bundle (src/commands/teams/exportDefinitions.ts). */
export const exportProjectDefinitions = (s: Services) => () => loadTeams(s).exportProjectDefinitions(s);
