import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for the API process, applied before anything else is loaded (main.ts imports this
 * first), so they hold for `npm start`, the Docker image and the benchmark alike.
 *
 * `--no-allocation-site-pretenuring`: V8 allocates an object directly in the old generation once
 * most objects from the same place in the code have outlived a young-generation collection. A
 * burst of cheap requests (a load balancer's health checks, say) taught it that for code every
 * request runs, and from then on each case-list page went to the old generation: measured after
 * 10 s of health checks, 1.4 MB promoted per scavenge instead of 7 KB, scavenges of 3–4 ms instead
 * of 1 ms, and a list request's API CPU 18–50% higher, for as long as the process lived. A
 * request's objects die young; the few that live long are promoted the ordinary way.
 */
export const V8_FLAGS = ['--no-allocation-site-pretenuring'] as const;

for (const flag of V8_FLAGS) setFlagsFromString(flag);
