/** The monitoring alert channels: webhook (signed), Slack/Discord, and the e-mail message. */
export type { DeliveryAttempt, MonitorRef, StateSnapshot, TransitionEvent } from './types.js';
export { signatureHeader, verifySignature } from './sign.js';
export { postWithRetries, MAX_RESPONSE_BYTES, type Delivery, type PostOptions, type PostRequest } from './post.js';
export { deliverWebhook, type WebhookOptions } from './webhook.js';
export { deliverSlack, slackBody, slackEscape, slackText, MAX_SLACK_LINES } from './slack.js';
export { alertEmail, MAX_EMAIL_LINES, type AlertEmail, type AlertEmailOptions } from './email.js';
