// Entry point of the published Yeoman generator (`create-secure-cncf/generator`), for hosts that
// look generators up by name, such as Backstage's `run:yeoman` action through the
// `generator-secure-cncf` wrapper package in packages/.
export { default } from '../generators/app/index.js';
