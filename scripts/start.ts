/** `npm start`: placeholder until the local Graph server and pages exist. */
console.log('Mødeassistent: nothing to serve yet.');
