/** Every receiver's requirement programs, in report order: the big mailbox providers, then the German ones. */
import type { ProgramSpec } from '../../src/core/requirements.js';
import { gmailAll, gmailBulk } from './gmail.js';
import { yahooAll, yahooBulk } from './yahoo.js';
import { outlookHighVolume } from './outlook-com.js';
import { tOnline } from './t-online.js';
import { gmxWebde } from './gmx-webde.js';
import { ionos } from './ionos.js';

export const programs: readonly ProgramSpec[] = [gmailAll, gmailBulk, yahooAll, yahooBulk, outlookHighVolume, tOnline, gmxWebde, ionos];
