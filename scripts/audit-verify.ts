// npm run audit:verify   (compiled: node dist/api/scripts/audit-verify.js)
// Walks the audit trail's hash chain: prints OK, or the id of the first row that was edited,
// removed or reordered, and exits 1.
import { Client } from 'pg';
import { loadConfig } from '../apps/api/src/config/config';
import { openCliDatabase } from '../apps/api/src/database/cli-database';
import { describeAuditChainReport, verifyAuditChain } from '../apps/api/src/modules/audit/audit-chain';

async function main(): Promise<number> {
  const config = loadConfig();
  const database = await openCliDatabase(config, (line) => process.stderr.write(`${line}\n`));
  try {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const report = await verifyAuditChain(client);
      process.stdout.write(`${describeAuditChainReport(report)}\n`);
      return report.ok ? 0 : 1;
    } finally {
      await client.end();
    }
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit:verify: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
