// Which way the frame stands. A TV mounted on its side whose OS was not
// rotated shows a landscape window; the channel says "portrait", so the frame
// is laid out portrait and turned 90° with a CSS transform. Pure: window size
// in, box and transform out.

export const TURN = -90; // counter-clockwise: for a panel turned clockwise (xrandr "left")

/** 0 or TURN: how far to turn the frame for `wanted` ("auto"|"landscape"|"portrait"). */
export function frameTurn(wanted, width, height) {
  if (wanted === "portrait" && width > height) return TURN;
  if (wanted === "landscape" && height > width) return TURN;
  return 0;
}

/**
 * The frame's box: {turn, portrait, width, height, transform}. With a turn the
 * frame is height × width pixels, turned about its top-left corner and moved
 * back onto the screen; `transform` is "" otherwise.
 */
export function frameBox(wanted, width, height) {
  const turn = frameTurn(wanted, width, height);
  if (!turn) return { turn, portrait: height > width, width, height, transform: "" };
  const shift = turn < 0 ? `translateY(${height}px)` : `translateX(${width}px)`;
  return { turn, portrait: width > height, width: height, height: width, transform: `${shift} rotate(${turn}deg)` };
}
