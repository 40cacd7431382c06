// The one import of zod in the dashboard (eslint.config.mjs enforces it).
// eslint-disable-next-line no-restricted-imports -- this module is where zod is configured
import { config, z } from 'zod';

// The dashboard's content security policy forbids eval. Zod compiles its object parsers with new
// Function, after a probe that the browser reports as a policy violation on every page with a form.
// Jitless, zod neither compiles nor probes. Schemas read the setting as they are built, so it is set
// here, before any module that builds one has run.
config({ jitless: true });

export { z };
