using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(TuiPorts.Benchmarks.ParserBenchmarks).Assembly).Run(args);
