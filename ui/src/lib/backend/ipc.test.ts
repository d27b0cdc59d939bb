import { describe, expect, it } from 'vitest';
import { BackendError, toBackendError } from './ipc';

describe('toBackendError', () => {
  it('keeps kind, message and field of an IPC error', () => {
    const e = toBackendError({ kind: 'invalid', message: 'NIP salah.', field: 'kepala_nip' });
    expect(e).toBeInstanceOf(BackendError);
    expect([e.kind, e.message, e.field]).toEqual(['invalid', 'NIP salah.', 'kepala_nip']);
  });

  it('wraps anything else as an Indonesian message', () => {
    const e = toBackendError(new TypeError('boom'));
    expect(e.kind).toBe('other');
    expect(e.message).toMatch(/^Terjadi kesalahan yang tidak terduga/);
  });
});
