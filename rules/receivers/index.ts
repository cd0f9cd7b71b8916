/**
 * The receivers whose treatment every report predicts, in report order:
 * the big mailbox providers first, then the filters operators run. Adding
 * one is a file here, a line below, and its table in receivers.test.ts.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';
import gmail from './gmail.js';
import microsoft365 from './microsoft-365.js';
import outlookCom from './outlook-com.js';
import yahoo from './yahoo.js';
import icloud from './icloud.js';
import gmxWebde from './gmx-webde.js';
import comcast from './comcast.js';
import postfix from './postfix.js';
import spamassassin from './spamassassin.js';
import rspamd from './rspamd.js';
import haraka from './haraka.js';

export const receivers: readonly ReceiverSpec[] = [gmail, microsoft365, outlookCom, yahoo, icloud, gmxWebde, comcast, postfix, spamassassin, rspamd, haraka];
