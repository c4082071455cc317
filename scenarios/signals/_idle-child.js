// Fixture: stays alive until signalled. Prints 'ready' once it is running, and prints from an
// 'exit' listener if that ever runs. With the argument 'listen' it also handles the signal named
// by the second argument: 'end' lets the process end by itself, 'exit143' calls process.exit(143).
const [mode, action] = process.argv.slice(2);
process.on('exit', (code) => console.log(`child exit listener: code ${code}`));
const keepAlive = setInterval(() => {}, 1000);
if (mode === 'listen') {
  process.on('SIGTERM', () => {
    console.log('child SIGTERM listener');
    if (action === 'exit143') process.exit(143);
    else clearInterval(keepAlive);
  });
}
console.log('ready');
