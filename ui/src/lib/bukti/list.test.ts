import { describe, expect, it } from 'vitest';
import type { Bukti, Grid } from '../backend/commands';
import type { GridRow } from '../backend/generated/GridRow';
import { NO_FILTERS, filterBukti, joinBukti, sortBukti } from './list';

function gridRow(over: Partial<GridRow>): GridRow {
  return {
    level: 'tahapan',
    id: 0,
    parent: null,
    program: 0,
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

function bukti(id: number, tahapan: number, over: Partial<Bukti> = {}): Bukti {
  return {
    id,
    uuid: `u${id}`,
    tahapan,
    judul: `Bukti ${id}`,
    jenis: 'laporan',
    nomor: '',
    tanggal: '2026-01-10',
    keterangan: '',
    bulan: [1],
    berkas: [],
    created_at: '',
    modified_at: '',
    ...over,
  };
}

const grid: Grid = {
  tahun: 2026,
  pokja: [],
  undo: { undo: null, redo: null },
  rows: [
    gridRow({ level: 'program', id: 1, program: 1, nomor: 1, nama: 'Manajemen Perubahan' }),
    gridRow({ id: 10, program: 1, nama: 'Menyusun SK', penanggung_jawab: 'Pokja MP' }),
    gridRow({ level: 'program', id: 2, program: 2, nomor: 2, nama: 'Penguatan Akuntabilitas' }),
    gridRow({ id: 20, program: 2, nama: 'Menyusun LKjIP', penanggung_jawab: 'Pokja AK' }),
  ],
};

const list = [
  bukti(1, 20, { jenis: 'sk', bulan: [3], judul: 'SK LKjIP' }),
  bukti(2, 10, {
    bulan: [1, 2],
    berkas: [
      {
        id: 5,
        nama: 'notulen-rapat.pdf',
        mime: '',
        size: 1,
        sha256: '',
        previewable: true,
        openable: true,
      },
    ],
  }),
  bukti(3, 10, { jenis: 'foto', tanggal: '2026-01-01' }),
];

describe('bukti list', () => {
  const rows = joinBukti(list, grid);

  it('joins evidence with its tahapan and program', () => {
    expect(rows.map((r) => [r.program?.nama, r.tahapan, r.penanggungJawab])).toEqual([
      ['Penguatan Akuntabilitas', 'Menyusun LKjIP', 'Pokja AK'],
      ['Manajemen Perubahan', 'Menyusun SK', 'Pokja MP'],
      ['Manajemen Perubahan', 'Menyusun SK', 'Pokja MP'],
    ]);
  });

  it('filters by program, month, kind, Pokja and text (file names too)', () => {
    const ids = (f: Partial<typeof NO_FILTERS>) =>
      filterBukti(rows, { ...NO_FILTERS, ...f }).map((r) => r.bukti.id);
    expect(ids({ program: 1 })).toEqual([2, 3]);
    expect(ids({ bulan: 2 })).toEqual([2]);
    expect(ids({ jenis: 'sk' })).toEqual([1]);
    expect(ids({ pokja: 'Pokja AK' })).toEqual([1]);
    expect(ids({ search: 'NOTULEN' })).toEqual([2]);
    expect(ids({ search: 'lkjip' })).toEqual([1]);
    expect(ids({})).toEqual([1, 2, 3]);
  });

  it('sorts by program, tahapan and document date', () => {
    expect(sortBukti(rows).map((r) => r.bukti.id)).toEqual([3, 2, 1]);
  });
});
