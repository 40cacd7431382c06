// The one place that decides which Chromium the browser tests, the docs' screenshots and
// Lighthouse drive. It comes from npm (@sparticuz/chromium ships a headless Chromium and its
// libraries inside the package and unpacks it on first use), so `npm install` is the only set-up a
// fresh machine needs. CHROME_PATH overrides it; nothing here looks for a system browser.

export interface ChromiumBinary {
  executablePath: string;
  args: string[];
  /** Where the binary came from, for error messages and logs. */
  source: 'CHROME_PATH' | '@sparticuz/chromium';
}

// Flags every launch gets: no first-run work, no traffic of Chromium's own leaving the machine.
const COMMON_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// @sparticuz/chromium's defaults are tuned for AWS Lambda. These would make the browser under test
// less like a user's (no same-origin policy, mixed content allowed, everything in one process), so
// a test could pass here that fails in a real browser.
const DROPPED_PACKAGE_ARGS = new Set([
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--single-process',
  '--disable-site-isolation-trials',
]);

interface SparticuzChromium {
  executablePath(input?: string): Promise<string>;
  args: string[];
}

// The package ships only as ES modules; a real dynamic import keeps it out of require() when this
// file is compiled to CommonJS (jest's transform, @swc-node/register).
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a Function body is the one import() the CommonJS compile leaves alone
const importEsm = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;

/** The package's flags without the ones that weaken the browser, plus our common ones. */
export function launchArgs(packageArgs: readonly string[]): string[] {
  const kept = packageArgs.filter((arg) => !DROPPED_PACKAGE_ARGS.has(arg.split('=')[0] ?? arg));
  return [...new Set([...kept, ...COMMON_ARGS])];
}

export async function resolveChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumBinary> {
  const override = env.CHROME_PATH?.trim();
  if (override) {
    return { executablePath: override, args: [...COMMON_ARGS, '--headless=new'], source: 'CHROME_PATH' };
  }
  const { default: chromium } = await importEsm<{ default: SparticuzChromium }>('@sparticuz/chromium');
  let executablePath: string;
  try {
    executablePath = await chromium.executablePath();
  } catch (error) {
    throw new Error(
      `Could not unpack the Chromium of @sparticuz/chromium (${(error as Error).message}); run npm install again, or set CHROME_PATH to a Chromium of your own.`,
      { cause: error },
    );
  }
  return { executablePath, args: launchArgs(chromium.args), source: '@sparticuz/chromium' };
}
