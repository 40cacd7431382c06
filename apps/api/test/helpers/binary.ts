import type { SignedIn } from './auth';

/** GET a binary answer (a PDF, an image) as one Buffer in `res.body`. */
export function getBinary(user: SignedIn, path: string) {
  return user
    .get(path)
    .buffer(true)
    .parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
}
