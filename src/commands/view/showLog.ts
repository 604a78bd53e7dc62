import type { Services } from '../../services';

export const showLog = (s: Services) => () => s.channel.show(true);
