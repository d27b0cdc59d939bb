// The one place the UI talks to Rust. Every `@tauri-apps/*` import in the UI lives in this
// folder; the rest of the UI calls the typed functions of `commands.ts`.
import { invoke } from '@tauri-apps/api/core';
import type { ErrorKind } from './generated/ErrorKind';
import type { IpcError } from './generated/IpcError';

/** An error from the backend: `message` is ready to show (Indonesian), `kind` for branching. */
export class BackendError extends Error {
  readonly kind: ErrorKind;
  readonly field: string | null;

  constructor(e: IpcError) {
    super(e.message);
    this.name = 'BackendError';
    this.kind = e.kind;
    this.field = e.field;
  }
}

function isIpcError(e: unknown): e is IpcError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as IpcError).kind === 'string' &&
    typeof (e as IpcError).message === 'string'
  );
}

/** Turn anything thrown by a call into a `BackendError` the UI can show. */
export function toBackendError(e: unknown): BackendError {
  if (e instanceof BackendError) return e;
  if (isIpcError(e)) return new BackendError(e);
  return new BackendError({
    kind: 'other',
    message: `Terjadi kesalahan yang tidak terduga: ${String(e)}`,
    field: null,
  });
}

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toBackendError(e);
  }
}
