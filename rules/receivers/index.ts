/**
 * The receivers whose treatment every report predicts, in report order:
 * the big mailbox providers first, then the gateways organisations put in
 * front of their mail, then the filters operators run. Adding one is a file
 * here, a line below, and its table in receivers.test.ts.
 *
 * The bounce decoder takes the first receiver that recognises a reply, so a
 * receiver whose marks are more specific comes before one that shares its
 * servers: Outlook.com (its olc hosts, S3150, DY-001) before Microsoft 365.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';
import gmail from './gmail.js';
import outlookCom from './outlook-com.js';
import microsoft365 from './microsoft-365.js';
import yahoo from './yahoo.js';
import icloud from './icloud.js';
import gmxWebde from './gmx-webde.js';
import tOnline from './t-online.js';
import ionos from './ionos.js';
import comcast from './comcast.js';
import att from './att.js';
import cox from './cox.js';
import orange from './orange.js';
import godaddy from './godaddy.js';
import mailru from './mailru.js';
import yandex from './yandex.js';
import zoho from './zoho.js';
import proofpoint from './proofpoint.js';
import mimecast from './mimecast.js';
import barracuda from './barracuda.js';
import cisco from './cisco.js';
import postfix from './postfix.js';
import spamassassin from './spamassassin.js';
import rspamd from './rspamd.js';
import haraka from './haraka.js';

export const receivers: readonly ReceiverSpec[] = [
  gmail, outlookCom, microsoft365, yahoo, icloud, gmxWebde, tOnline, ionos, comcast, att, cox, orange, godaddy, mailru, yandex, zoho,
  proofpoint, mimecast, barracuda, cisco,
  postfix, spamassassin, rspamd, haraka,
];
