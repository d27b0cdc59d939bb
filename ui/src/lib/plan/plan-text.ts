// Sentences the plan screen shows about the file itself.
import type { ReadOnlyReason } from '../backend/commands';
import type { Upgrade } from '../backend/generated/Upgrade';

export function readOnlyText(reason: ReadOnlyReason): string {
  return reason === 'chosen'
    ? 'Berkas dibuka hanya-baca atas pilihan Anda; tidak ada yang diubah. Gunakan “Simpan salinan…” untuk menyunting salinannya.'
    : 'Berkas ini tidak dapat ditulis (media hanya-baca atau tanpa izin tulis). Gunakan “Simpan salinan…” untuk menyunting salinannya.';
}

export function upgradeText(upgrade: Upgrade): string {
  if (upgrade.backup_path) {
    return `Berkas ini dibuat oleh Renja RB versi lama (format ${upgrade.from_version}) dan sudah diperbarui ke format ${upgrade.to_version}. Salinan aslinya disimpan di ${upgrade.backup_path}.`;
  }
  return `Berkas ini dibuat oleh Renja RB versi lama (format ${upgrade.from_version}). Karena dibuka hanya-baca, berkasnya tidak diperbarui.`;
}
