import type { Services } from '../../services';
import { loadTeams } from '../teams';

/** Add Project: its prompts and sign-in run in the on-demand teams bundle (src/commands/teams/addProjectFlow.ts). */
export const addProject = (s: Services) => async () => loadTeams(s).addProjectFlow(s);
