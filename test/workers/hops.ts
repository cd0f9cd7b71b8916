/** Email Routing's receiver records the connection like this (the `for` address is the test address). */
export function emailRoutingHop(helo: string, rdns: string, ip: string, rcpt: string): string {
  return `from ${helo} (${rdns} [${ip}])\r\n\tby mx.cloudflare.net (Postfix) with ESMTPS id 4Xk3Bc2Ytz4xQ\r\n\tfor <${rcpt}>; Wed, 25 Nov 2026 10:00:01 +0000 (UTC)`;
}
