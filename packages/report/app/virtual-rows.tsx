import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";

/** Height of one row in pixels: fixed, so the window of rows to draw is arithmetic. */
export const ROW_HEIGHT = 38;
const OVERSCAN = 8;

/**
 * Draws only the rows in view (plus a few): a 10,000-row table keeps a few dozen elements in
 * the page, and scrolling moves a window over them.
 */
export function VirtualRows<T>(props: {
  items: readonly T[];
  render: (item: T, index: number) => ComponentChildren;
  label: string;
  /** Scrolls back to the first row when it changes (a new filter), not when rows update. */
  resetKey: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(600);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setHeight(element.clientHeight || 600);
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, []);
  useEffect(() => {
    // a new filter shows its first rows, not an empty stretch far down
    if (box.current) box.current.scrollTop = 0;
    setTop(0);
  }, [props.resetKey]);
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(props.items.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
  const shown = props.items.slice(first, last);
  return (
    <div
      class="vrows"
      ref={box}
      data-label={props.label}
      onScroll={(event) => setTop((event.currentTarget as HTMLDivElement).scrollTop)}
    >
      <div class="vrows-space" style={{ height: `${props.items.length * ROW_HEIGHT}px` }}>
        <div class="vrows-window" style={{ transform: `translateY(${first * ROW_HEIGHT}px)` }}>
          {shown.map((item, i) => props.render(item, first + i))}
        </div>
      </div>
    </div>
  );
}
