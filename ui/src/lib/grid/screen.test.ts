import { describe, expect, it } from 'vitest';
import type { GridRow } from './grid.svelte';
import { addLabels, buktiMonth, deleteQuestion } from './screen';

function row(over: Partial<GridRow>): GridRow {
  return {
    level: 'tahapan',
    id: 1,
    parent: null,
    program: 1,
    nomor: 1,
    nama: '',
    bulan: 0,
    kriteria: '',
    penanggung_jawab: '',
    tahapan: 0,
    cells: [],
    bukti: [],
    ...over,
  };
}

describe('grid screen', () => {
  it('names the add buttons after the selected level and the level beneath it', () => {
    expect(addLabels(null)).toEqual({ sibling: '+ Program', child: '+ Anak di bawahnya' });
    expect(addLabels(row({ level: 'kegiatan' }))).toEqual({
      sibling: '+ Kegiatan sejajar',
      child: '+ Output di bawahnya',
    });
    expect(addLabels(row({ level: 'tahapan' }))).toEqual({
      sibling: '+ Tahapan sejajar',
      child: '+ Anak di bawahnya',
    });
  });

  it('asks before a delete, saying how many tahapan a group takes with it', () => {
    expect(deleteQuestion(row({ nama: 'Menyusun SK' }))).toBe('Hapus tahapan "Menyusun SK"?');
    expect(deleteQuestion(row({ level: 'program', nama: '', tahapan: 12 }))).toBe(
      'Hapus program "(tanpa uraian)" beserta 12 tahapan di bawahnya? Penghapusan dapat diurungkan.',
    );
  });

  it("offers new bukti the cursor's month, else the first scheduled month, else January", () => {
    const t = row({ bulan: 0b1100 }); // Mar, Apr
    expect(buktiMonth(5, t)).toBe(1 << 4); // cursor on Mei
    expect(buktiMonth(0, t)).toBe(1 << 2); // on the name: Maret
    expect(buktiMonth(13, t)).toBe(1 << 2); // on kriteria
    expect(buktiMonth(null, row({}))).toBe(1);
    expect(buktiMonth(null, null)).toBe(1);
  });
});
