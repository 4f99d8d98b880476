import { render } from 'preact';
import { browser } from 'wxt/browser';
import { WelcomePage, type WelcomeDeps } from '../../components/welcome/WelcomePage';
import { createBackgroundClient } from '../../lib/protocol/client';
import '../popup/style.css';
import './welcome.css';

const background = createBackgroundClient((message) => browser.runtime.sendMessage(message));
const deps: WelcomeDeps = {
  probe: () => background.call('anytype.probe', {}),
  openSettings: () => void browser.runtime.openOptionsPage(),
  timers: { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as number) },
  visibility: {
    visible: () => document.visibilityState === 'visible',
    onShown(listener) {
      const onChange = () => {
        if (document.visibilityState === 'visible') listener();
      };
      document.addEventListener('visibilitychange', onChange);
      return () => document.removeEventListener('visibilitychange', onChange);
    },
  },
};

render(<WelcomePage deps={deps} />, document.getElementById('app')!);
