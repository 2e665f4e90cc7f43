import BulwarkCommands

await Bulwark.start()
