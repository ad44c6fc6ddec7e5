using System.Diagnostics;
using System.Reactive.Linq;
using System.Text;
using TuiPorts.Core.Interop;
using TuiPorts.Core.Killing;

namespace TuiPorts.Core.Remote;

/// <summary>
/// Starts real processes with <see cref="Process"/> (no shell). Each child is pinned with a pidfd right after it
/// starts, so ending it can never signal a process that reused its pid; it is registered with
/// <see cref="ChildProcesses"/> until it has exited. Stdin stays an open pipe: a child that reads it (ssh) sees EOF
/// only when tuiports is gone.
/// </summary>
public sealed class SystemProcessLauncher(ChildProcesses children) : IProcessLauncher
{
    public IRemoteProcess Start(string file, IReadOnlyList<string> arguments) => new SystemRemoteProcess(file, arguments, children);

    private sealed class SystemRemoteProcess : IRemoteProcess
    {
        private const int MaxErrorText = 4096;
        private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(2);
        private readonly Process _process;
        private readonly StringBuilder _errors = new();
        private readonly Lock _gate = new();
        /// <summary>The child's pidfd; null without pidfds (Process.Kill then, which knows its child).</summary>
        private readonly SafeFd? _pidfd;
        private readonly ChildProcesses _children;
        private bool _forgotten;
        private int _subscribed;

        public SystemRemoteProcess(string file, IReadOnlyList<string> arguments, ChildProcesses children)
        {
            _children = children;
            var start = new ProcessStartInfo(file, arguments)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = new UTF8Encoding(false),
                StandardErrorEncoding = new UTF8Encoding(false),
            };
            _process = new Process { StartInfo = start };
            _process.ErrorDataReceived += (_, e) => AppendError(e.Data);
            _process.Start();
            _pidfd = Pidfd.Open(_process.Id, out _); // our child, not yet reaped: this is the process we started
            Id = _process.Id;
            _children.Add(this);
            _process.BeginErrorReadLine();
            Output = Observable.Create<string>(observer =>
            {
                if (Interlocked.Exchange(ref _subscribed, 1) != 0)
                {
                    observer.OnError(new InvalidOperationException("the output of a process can be read once"));
                    return () => { };
                }

                var reader = new Thread(() => ReadOutput(observer)) { IsBackground = true, Name = $"tuiports-child-{Id}" };
                reader.Start();
                return () => { };
            });
        }

        public int Id { get; }

        public IObservable<string> Output { get; }

        public string ErrorText
        {
            get
            {
                lock (_gate)
                {
                    return _errors.ToString();
                }
            }
        }

        public int? ExitCode { get; private set; }

        public void Kill()
        {
            if (Signal(Signals.SIGTERM))
            {
                _ = Task.Delay(KillGrace).ContinueWith(_ => Signal(Signals.SIGKILL), TaskScheduler.Default);
            }
        }

        public void Dispose()
        {
            Kill();
            if (Volatile.Read(ref _subscribed) == 0)
            {
                Forget(); // nobody reads it: nothing else will
            }
        }

        private void ReadOutput(IObserver<string> observer)
        {
            try
            {
                var lines = new BoundedLineReader(_process.StandardOutput.BaseStream);
                while (lines.ReadLine() is { } line)
                {
                    observer.OnNext(line);
                }

                _process.WaitForExit(); // also waits for stderr to be read to its end
                ExitCode = _process.ExitCode;
                Forget();
                observer.OnCompleted();
            }
            catch (LineTooLongException e)
            {
                Kill(); // a line that long is not our stream: nothing after it is read (SIGTERM, SIGKILL after 2 s)
                if (_process.WaitForExit(KillGrace * 2))
                {
                    ExitCode = _process.ExitCode;
                }

                Forget();
                observer.OnError(e);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                Forget();
                observer.OnError(e);
            }
        }

        /// <summary>
        /// Sends through the pidfd; false once the process has exited. Without pidfds (old kernels) it is SIGKILL
        /// through <see cref="Process.Kill()"/>, which knows whether its own child was reaped.
        /// </summary>
        private bool Signal(int signal)
        {
            lock (_gate)
            {
                if (_forgotten)
                {
                    return false; // never fall back to a signal by pid either
                }

                if (_pidfd is not null)
                {
                    return Pidfd.SendSignal(_pidfd, signal) == 0;
                }
            }

            try
            {
                if (ExitCode is null)
                {
                    _process.Kill();
                }
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // exited meanwhile
            }

            return false;
        }

        private void Forget()
        {
            _children.Remove(this);
            lock (_gate)
            {
                _pidfd?.Dispose();
                _forgotten = true;
            }

            if (ExitCode is not null)
            {
                _process.Dispose();
            }
        }

        private void AppendError(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_gate)
            {
                _errors.Append(line).Append('\n');
                if (_errors.Length > MaxErrorText)
                {
                    _errors.Remove(0, _errors.Length - MaxErrorText);
                }
            }
        }
    }
}
