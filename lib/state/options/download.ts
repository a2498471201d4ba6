// Saving a generated file: a Blob URL on a temporary <a download>. Extension pages may do this without
// the downloads permission; the URL is revoked once the browser has had it.
import type { ExportedFile } from '@/lib/storage';

export type Download = (file: ExportedFile) => void;

export const browserDownload: Download = (file) => {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mimeType};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
