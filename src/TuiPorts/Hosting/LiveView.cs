using TuiPorts.Core.Filtering;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Hosting;

/// <summary>
/// Starts the full-screen UI and returns its exit code. The CLI is handed one by the composition root
/// (<see cref="Program"/>), so the command line never references the UI and the UI never references the command line.
/// </summary>
public delegate int LiveView(ProcRoot root, SocketQuery query, UiSettings settings, HostsSetup? hosts, TextWriter error);
