// PDF pages drawn with pdf.js, bundled with the app (no network). Eval is off so the page
// keeps its strict Content-Security-Policy.
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export async function openPdf(bytes: ArrayBuffer): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
}

/** Draw page `n` (1-based) into `canvas`, `width` CSS pixels wide. The page is drawn out of
 * sight first and shown whole: pdf.js draws in steps, and a page drawn again (a new preview)
 * keeps its old picture until the new one is ready instead of going blank. */
export async function drawPage(
  pdf: PDFDocumentProxy,
  n: number,
  canvas: HTMLCanvasElement,
  width: number,
): Promise<void> {
  const page = await pdf.getPage(n);
  const base = page.getViewport({ scale: 1 });
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (width / base.width) * ratio });
  const offscreen = document.createElement('canvas');
  offscreen.width = Math.floor(viewport.width);
  offscreen.height = Math.floor(viewport.height);
  const drawing = offscreen.getContext('2d');
  if (!drawing) return;
  await page.render({ canvasContext: drawing, viewport }).promise;
  canvas.width = offscreen.width;
  canvas.height = offscreen.height;
  canvas.style.width = `${width}px`;
  canvas.getContext('2d')?.drawImage(offscreen, 0, 0);
}
