import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';

const WEB_ASSETS_DIR = Symbol('WEB_ASSETS_DIR');

/**
 * The build's hashed files (dist/web/assets): never change under a name, so browsers keep them a
 * year, and are sent as the brotli or gzip copies the web build writes beside them (a slow phone
 * would otherwise download three times the bytes).
 */
@Module({})
export class WebAssetsModule implements OnModuleInit {
  constructor(
    @Inject(WEB_ASSETS_DIR) private readonly assetsDir: string,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  static forRoot(assetsDir: string): DynamicModule {
    return { module: WebAssetsModule, providers: [{ provide: WEB_ASSETS_DIR, useValue: assetsDir }] };
  }

  // The same hook ServeStaticModule registers its middleware in; modules listed first run first.
  onModuleInit(): void {
    this.adapterHost.httpAdapter.use(
      '/assets',
      expressStaticGzip(this.assetsDir, {
        enableBrotli: true,
        orderPreference: ['br', 'gzip'],
        index: false,
        serveStatic: { index: false, redirect: false, immutable: true, maxAge: '1y' },
      }),
      // A stale bundle asking for a file a newer build removed: a plain 404, never the SPA's HTML.
      (_req: Request, res: Response) => res.sendStatus(404),
    );
  }
}
