// The generator lives in create-secure-cncf (bundled, with its templates and data); this package
// only gives it the `generator-*` name Yeoman's lookup finds.
export { default } from 'create-secure-cncf/generator';
