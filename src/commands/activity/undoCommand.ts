import type { Services } from '../../services';
import { runUserOperation } from '../user/runUserOperation';
import { enableOperation } from '../user/enableUser';
import { disableOperation } from '../user/disableUser';
import { loadTeams } from '../teams';

/**
 * mediumOne.undoActivity ({ entryId } or { runId }, from Show Activity or a run's summary). The flow (teams bundle)
 * picks the users; the change itself runs here, through the one runUserOperation of the main bundle.
 */
export const undoActivity = (s: Services) => (target?: unknown) =>
  loadTeams(s).undoActivity(s, target, (change, nodes, undoOf) => runUserOperation(s, change === 'enable' ? enableOperation() : disableOperation(), nodes, undoOf));
