import { render } from 'preact';

render(<p>Clip to Anytype</p>, document.getElementById('app')!);
