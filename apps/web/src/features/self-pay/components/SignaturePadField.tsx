import { Button, Group, Text } from '@mantine/core';
import SignaturePad from 'signature_pad';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';

export interface SignaturePadHandle {
  isEmpty: () => boolean;
  toPng: () => string;
  clear: () => void;
}

// The pad's canvas is sized to its box in device pixels (at most 2×: sharper on a tablet, and the
// PNG stays well under the server's 64 KB), so strokes land under the finger or pen.
function fitCanvas(canvas: HTMLCanvasElement, pad: SignaturePad): void {
  const ratio = Math.min(window.devicePixelRatio || 1, 2);
  const data = pad.toData();
  canvas.width = canvas.offsetWidth * ratio;
  canvas.height = canvas.offsetHeight * ratio;
  canvas.getContext('2d')?.scale(ratio, ratio);
  pad.clear();
  pad.fromData(data);
}

/** A drawn signature (pointer events: finger, pen or mouse) on a canvas. */
export const SignaturePadField = forwardRef<
  SignaturePadHandle,
  { label: string; error?: string | null; onBegin?: () => void }
>(function SignaturePadField({ label, error, onBegin }, ref) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    const pad = new SignaturePad(canvas, { penColor: '#10182b', minWidth: 1, maxWidth: 3 });
    padRef.current = pad;
    fitCanvas(canvas, pad);
    const onResize = () => fitCanvas(canvas, pad);
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      pad.off();
      padRef.current = null;
    };
  }, []);

  useEffect(() => {
    const pad = padRef.current;
    if (!pad || !onBegin) return undefined;
    pad.addEventListener('beginStroke', onBegin);
    return () => pad.removeEventListener('beginStroke', onBegin);
  }, [onBegin]);

  useImperativeHandle(ref, () => ({
    isEmpty: () => padRef.current?.isEmpty() ?? true,
    toPng: () => padRef.current?.toDataURL('image/png') ?? '',
    clear: () => padRef.current?.clear(),
  }));

  return (
    <div>
      <Group justify="space-between" mb={4}>
        <Text fw={600} id="signature-label">
          {label}
        </Text>
        <Button variant="subtle" size="sm" onClick={() => padRef.current?.clear()}>
          Clear
        </Button>
      </Group>
      <canvas
        ref={canvasRef}
        role="img"
        aria-labelledby="signature-label"
        data-testid="signature-pad"
        style={{
          width: '100%',
          height: 220,
          display: 'block',
          touchAction: 'none',
          background: '#fff',
          border: `2px ${error ? 'solid var(--mantine-color-red-6)' : 'dashed var(--mantine-color-gray-5)'}`,
          borderRadius: 8,
        }}
      />
      <Text size="sm" c={error ? 'red' : 'dimmed'} role={error ? 'alert' : undefined} mt={4}>
        {error ?? 'Sign with your finger or the pen inside the box.'}
      </Text>
    </div>
  );
});
