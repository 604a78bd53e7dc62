import type { Services } from '../../services';
import { loadTeams } from '../teams';

/** Import Project Definitions…: the flow runs in the on-demand teams bundle (src/commands/teams/importDefinitions.ts). */
export const importProjectDefinitions = (s: Services) => () => loadTeams(s).importProjectDefinitions(s);
