/**
 * DMARC aggregate reports (RFC 7489 appendix C) written for tests: our own
 * names (example.com) and documentation addresses, never a real report.
 */
export interface ReportRow {
  ip: string;
  count?: number;
  dkim: 'pass' | 'fail';
  spf: 'pass' | 'fail';
  /** The header From domain; the report's domain when absent. */
  from?: string;
}

export function aggregateReport(domain: string, rows: readonly ReportRow[], id = 'test-report-1'): string {
  const records = rows.map((r) => `  <record>
    <row>
      <source_ip>${r.ip}</source_ip>
      <count>${r.count ?? 1}</count>
      <policy_evaluated><disposition>${r.dkim === 'pass' || r.spf === 'pass' ? 'none' : 'reject'}</disposition><dkim>${r.dkim}</dkim><spf>${r.spf}</spf></policy_evaluated>
    </row>
    <identifiers><header_from>${r.from ?? domain}</header_from></identifiers>
    <auth_results><spf><domain>${r.from ?? domain}</domain><result>${r.spf}</result></spf></auth_results>
  </record>`);
  return `<?xml version="1.0" encoding="UTF-8" ?>
<feedback>
  <report_metadata>
    <org_name>receiver.example</org_name>
    <email>dmarc-reports@receiver.example</email>
    <report_id>${id}</report_id>
    <date_range><begin>1764028800</begin><end>1764115199</end></date_range>
  </report_metadata>
  <policy_published><domain>${domain}</domain><adkim>r</adkim><aspf>r</aspf><p>reject</p><pct>100</pct></policy_published>
${records.join('\n')}
</feedback>
`;
}

export const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
