using System;
using FakeAI.Bounds.Demo;

// Everything happens in DemoApp, which tests call with their own writers; here only the console is wired in.
return await DemoApp.RunAsync(args, DemoConsole.Create(Console.Out), Console.Error).ConfigureAwait(false);
