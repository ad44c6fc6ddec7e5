using System.Text.Json;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.Wire;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Remote;
using TuiPorts.Core.Scanning;
using TuiPorts.Hosting;

namespace TuiPorts.Cli;

/// <summary>
/// <c>tuiports --once [--json] --ssh HOSTS</c>: runs <c>tuiports --once --json</c> (with the same filters) on every host
/// at once over ssh (at most <c>--ssh-jobs</c> at a time; the whole takes as long as the slowest host), and prints one document <c>{"hosts": [{"host", "snapshot"} | {"host", "error"}]}</c>, or one
/// table with a HOST column (each failed host on stderr). Exit 0 once printed: a host's failure is part of the answer.
/// </summary>
public static class HostsOnceCommand
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>One host's answer: its document (remote), its snapshot (parsed, or this machine's), or why there is none.</summary>
    private sealed record Answer(string Host, JsonDocument? Document, Snapshot? Snapshot, string? Error);

    /// <param name="pretty">Indent the document; by default it is indented only on a terminal (compact for pipes).</param>
    public static int Run(ProcRoot root, SocketQuery query, HostsSetup setup, bool json, bool pretty, IProcessLauncher launcher, TextWriter output, TextWriter error)
    {
        var remote = setup.Hosts.Remote;
        var arguments = RemoteArguments.Once(setup.Filters);
        var asked = AskAll(remote, setup.Jobs, host => Ask(host, RemoteRun.Run(launcher, setup.Shell, host, arguments, Timeout), json));
        var answers = new List<Answer>();
        if (setup.Hosts.Local is { } local)
        {
            answers.Add(new Answer(local, null, HostsView.WithHost(new ProcSnapshotSource(root) { Prefilter = query.Ports, ReusesEntries = false }.Take(), local), null));
        }

        answers.AddRange(asked());
        try
        {
            if (json)
            {
                WriteDocument(answers, query, pretty || ProcessStreams.TerminalWidth(output) is not null, output);
            }
            else
            {
                WriteTable(answers, query, output, error);
            }
        }
        finally
        {
            answers.ForEach(a => a.Document?.Dispose());
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// Asks every host at once, at most <paramref name="jobs"/> at a time, each on its own thread (an ssh session mostly
    /// waits: the thread pool would start them one by one); returns a wait for every answer, in the order given. A host
    /// that fails in any way is its own error answer, never the others' loss.
    /// </summary>
    private static Func<List<Answer>> AskAll(IReadOnlyList<string> hosts, int jobs, Func<string, Answer> ask)
    {
        var answers = new Answer[hosts.Count];
        int next = -1;
        var workers = Enumerable.Range(0, Math.Min(jobs, hosts.Count)).Select(_ => new Thread(() =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < hosts.Count)
            {
                try
                {
                    answers[i] = ask(hosts[i]);
                }
                catch (Exception e)
                {
                    answers[i] = new Answer(hosts[i], null, null, e is OutOfMemoryException ? "its answer did not fit in memory" : e.Message);
                }
            }
        })
        { IsBackground = true, Name = "tuiports-ask-host" }).ToList();
        workers.ForEach(w => w.Start());
        return () =>
        {
            workers.ForEach(w => w.Join());
            return [.. answers];
        };
    }

    private static Answer Ask(string host, RemoteRunResult result, bool json)
    {
        string text = result.Output.Count == 1 ? result.Output[0] : string.Join('\n', result.Output);
        if (result.ExitCode != 0)
        {
            return new Answer(host, null, null, Wording.HostEnded(string.Join('\n', result.Errors), result.ExitCode, null));
        }

        JsonDocument? document = null;
        try
        {
            document = SnapshotJsonReader.Parse(text);
            var snapshot = new SnapshotJsonReader(host).ReadSnapshot(document.RootElement); // checks the shape, for JSON too
            return json ? new Answer(host, document, null, null) : Dispose(document, new Answer(host, null, snapshot, null));
        }
        catch (FormatException e)
        {
            document?.Dispose();
            return new Answer(host, null, null, Wording.HostGarbage(text, e.Message));
        }
    }

    private static Answer Dispose(JsonDocument document, Answer answer)
    {
        document.Dispose();
        return answer;
    }

    private static void WriteDocument(List<Answer> answers, SocketQuery query, bool indented, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, SnapshotJsonWriter.Options(indented)))
        {
            json.WriteStartObject();
            json.WriteStartArray("hosts");
            foreach (var answer in answers)
            {
                json.WriteStartObject();
                json.WriteString("host", answer.Host);
                if (answer.Document is { } document)
                {
                    json.WritePropertyName("snapshot");
                    document.RootElement.WriteTo(json);
                }
                else if (answer.Snapshot is { } snapshot)
                {
                    json.WritePropertyName("snapshot");
                    SnapshotJsonWriter.Write(json, snapshot, OnceCommand.Ordered(snapshot.Sockets.Where(query.Matches)));
                }
                else
                {
                    json.WriteString("error", answer.Error);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteTable(List<Answer> answers, SocketQuery query, TextWriter output, TextWriter error)
    {
        var merged = HostsView.Combine(answers.Select(a => new HostSnapshot(
            new HostStatus(a.Host, a.Snapshot is null ? HostState.Failed : HostState.Live, a.Error), a.Snapshot)).ToList()).Snapshot!;
        var sockets = answers.Where(a => a.Snapshot is not null)
            .SelectMany(a => OnceCommand.Ordered(a.Snapshot!.Sockets.Where(query.Matches)))
            .ToList();
        SnapshotTableWriter.Write(output, merged, sockets, ProcessStreams.TerminalWidth(output));
        foreach (var answer in answers.Where(a => a.Error is not null))
        {
            error.WriteLine($"tuiports: {TerminalText.Sanitize(answer.Host)}: {TerminalText.Sanitize(answer.Error)}");
        }

        foreach (string warning in Wording.Warnings(merged))
        {
            error.WriteLine($"tuiports: warning: {TerminalText.Sanitize(warning)}");
        }
    }
}
