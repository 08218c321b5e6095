import { useCallback, useEffect, useState } from 'react';

const KEY = 'collate.reader.zoom';
const STEPS = [0.7, 0.8, 0.9, 1, 1.1, 1.25, 1.4, 1.6, 1.8, 2];

function stored(): number {
  const value = Number(localStorage.getItem(KEY));
  return STEPS.includes(value) ? value : 1;
}

/** The reader's text size, stepped like a browser's zoom and remembered on this computer. */
export function useZoom() {
  const [zoom, setZoom] = useState(stored);
  useEffect(() => localStorage.setItem(KEY, String(zoom)), [zoom]);
  const zoomIn = useCallback(() => setZoom((z) => STEPS.find((s) => s > z) ?? z), []);
  const zoomOut = useCallback(() => setZoom((z) => [...STEPS].reverse().find((s) => s < z) ?? z), []);
  const reset = useCallback(() => setZoom(1), []);
  return { zoom, zoomIn, zoomOut, reset };
}
