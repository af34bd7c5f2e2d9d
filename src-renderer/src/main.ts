// Renderer entry: mounts the Svelte app into index.html's #app element.
import { mount } from 'svelte';
import App from './App.svelte';

const target = document.getElementById('app');
if (target === null) throw new Error('index.html must contain an element with id="app"');

mount(App, { target });
