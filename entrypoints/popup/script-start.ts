/**
 * Imported first, so it runs first: the moment the browser lets the popup's script run, which the
 * bench prints beside the first render to tell the browser's share of that time from the popup's own.
 */
import { markOnce, POPUP_MARKS } from '../../lib/popup/timing-marks';

markOnce(POPUP_MARKS.scriptStart);
