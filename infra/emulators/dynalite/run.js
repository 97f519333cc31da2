'use strict'
// dynalite's own cli.js (same arguments), ended as soon as the JVM that started it is gone:
// its stdin is a pipe from that JVM, which the kernel closes when the JVM exits however it
// exits (kill -9 included); a changed parent pid is the second sign. Without this, a dynalite
// left behind by a crashed JVM keeps its port and the LevelDB lock of the data directory.
const parent = process.ppid

function parentGone (why) {
  console.log('dynalite: ' + why + ', exiting')
  process.exit(0)
}

process.stdin.on('end', () => parentGone('stdin closed'))
process.stdin.on('error', () => parentGone('stdin failed'))
process.stdin.resume()
setInterval(() => {
  if (process.ppid !== parent) parentGone('parent ' + parent + ' gone')
}, 500).unref()

require('dynalite/cli.js')
