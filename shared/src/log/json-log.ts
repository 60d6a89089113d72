// The local server's and the web app's log: one JSON line per event with a timestamp, a level and
// the fields given (request id, route id, status…), never free text with personal data in it.
// Kept small and in this one module; its keys follow Powertools' logger so a move to it is easy.

export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  info: (message: string, fields?: LogFields) => void;
  warn: (message: string, fields?: LogFields) => void;
  error: (message: string, fields?: LogFields) => void;
}

export interface LoggerOptions {
  service?: string;
  /** Where a finished line goes; stdout for info, stderr for warnings and errors by default. */
  write?: (line: string, level: 'INFO' | 'WARN' | 'ERROR') => void;
  now?: () => Date;
}

const defaultWrite = (line: string, level: 'INFO' | 'WARN' | 'ERROR') =>
  (level === 'INFO' ? process.stdout : process.stderr).write(`${line}\n`);

/** A logger writing JSON lines; undefined fields are left out. Never throws on odd field values. */
export function jsonLogger(options: LoggerOptions = {}): Logger {
  const write = options.write ?? defaultWrite;
  const now = options.now ?? (() => new Date());
  const service = options.service ?? 'kohtaamo-web';
  const line =
    (level: 'INFO' | 'WARN' | 'ERROR') =>
    (message: string, fields: LogFields = {}): void => {
      write(JSON.stringify({ timestamp: now().toISOString(), level, service, message, ...fields }), level);
    };
  return { info: line('INFO'), warn: line('WARN'), error: line('ERROR') };
}

/** The process's logger. */
export const log: Logger = jsonLogger();
