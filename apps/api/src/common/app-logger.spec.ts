import { Logger } from '@nestjs/common';
import { PassThrough } from 'node:stream';
import { AppLogger, createRootLogger } from './app-logger';

// Nest's Logger calls the app logger as log(message, ...params, context); these lines are what
// an operator reads, so their shape is checked field by field.
function capture(level = 'trace') {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString('utf8')));
  const logger = new AppLogger(createRootLogger(level, stream));
  const lines = () =>
    text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logger, lines };
}

const fields = ({ level, msg, context, ...rest }: Record<string, unknown>) => {
  delete rest.time;
  delete rest.pid;
  delete rest.hostname;
  return { level, msg, context, ...rest };
};

describe('AppLogger', () => {
  it('merges an object message into the line and keeps the text and the context', () => {
    const { logger, lines } = capture();
    logger.error({ type: 'QueryFailedError', code: '42P01' }, 'database error', 'Exceptions');
    expect(lines().map(fields)).toEqual([
      { level: 50, msg: 'database error', context: 'Exceptions', type: 'QueryFailedError', code: '42P01' },
    ]);
  });

  it('maps Nest’s levels onto pino’s', () => {
    const { logger, lines } = capture();
    logger.verbose('v', 'Ctx');
    logger.debug('d', 'Ctx');
    logger.log('i', 'Ctx');
    logger.warn('w', 'Ctx');
    logger.error('e', 'Ctx');
    logger.fatal('f', 'Ctx');
    expect(lines().map((l) => [l.level, l.msg])).toEqual([
      [10, 'v'],
      [20, 'd'],
      [30, 'i'],
      [40, 'w'],
      [50, 'e'],
      [60, 'f'],
    ]);
  });

  it('formats printf-style parameters of a text message', () => {
    const { logger, lines } = capture();
    logger.log('swept %d uploads', 3, 'PhotoSweeper');
    expect(lines().map(fields)).toEqual([{ level: 30, msg: 'swept 3 uploads', context: 'PhotoSweeper' }]);
  });

  it('logs an Error by type and message only (a stack may quote patient data)', () => {
    const { logger, lines } = capture();
    logger.error(new RangeError('bad range'), 'Ctx');
    expect(lines().map(fields)).toEqual([
      { level: 50, msg: 'bad range', context: 'Ctx', err: { type: 'RangeError', message: 'bad range' } },
    ]);
  });

  it('understands Nest’s own error(message, stack, context) calls', () => {
    const { logger, lines } = capture();
    logger.error('boom', 'Error: boom\n    at somewhere (file.js:1:1)', 'ExceptionHandler');
    expect(lines().map(fields)).toEqual([
      { level: 50, msg: 'boom', context: 'ExceptionHandler', err: { type: 'Error', message: 'boom' } },
    ]);
  });

  it('moves Nest’s start-up chatter to debug and drops what the level leaves out', () => {
    const { logger, lines } = capture('info');
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('Preauth is listening', 'Bootstrap');
    logger.debug('hidden', 'Ctx');
    expect(lines().map((l) => l.msg)).toEqual(['Preauth is listening']);
  });

  it('serves as the logger behind new Logger(context)', () => {
    const { logger, lines } = capture();
    Logger.overrideLogger(logger);
    try {
      new Logger('AuthGuard').error({ route: 'GET /api/x' }, 'route missing from the authorization matrix');
    } finally {
      Logger.overrideLogger(new AppLogger(createRootLogger('silent')));
    }
    expect(lines().map(fields)).toEqual([
      { level: 50, msg: 'route missing from the authorization matrix', context: 'AuthGuard', route: 'GET /api/x' },
    ]);
  });
});
