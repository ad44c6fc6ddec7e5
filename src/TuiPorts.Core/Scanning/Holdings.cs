using System.Collections;

namespace TuiPorts.Core.Scanning;

/// <summary>
/// The (pid, fd) pairs holding one socket, in the order they were added: the usual single holder inline, two or more
/// in a list. A value, so a map of 50k sockets holds no list per socket.
/// </summary>
public readonly struct Holdings : IReadOnlyList<(int Pid, int Fd)>
{
    private readonly (int Pid, int Fd) _first;
    private readonly List<(int Pid, int Fd)>? _all;
    private readonly bool _one;

    public Holdings(int pid, int fd)
    {
        _first = (pid, fd);
        _one = true;
    }

    private Holdings(List<(int Pid, int Fd)> all) => _all = all;

    public int Count => _all?.Count ?? (_one ? 1 : 0);

    public (int Pid, int Fd) this[int index] =>
        _all is not null ? _all[index] : _one && index == 0 ? _first : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>These and one more pair (the list of two or more is extended in place: the map owns it).</summary>
    internal Holdings With(int pid, int fd)
    {
        if (_all is not null)
        {
            _all.Add((pid, fd));
            return this;
        }

        return _one ? new Holdings([_first, (pid, fd)]) : new Holdings(pid, fd);
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<(int Pid, int Fd)> IEnumerable<(int Pid, int Fd)>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator(Holdings holdings) : IEnumerator<(int Pid, int Fd)>
    {
        private int _index = -1;

        public readonly (int Pid, int Fd) Current => holdings[_index];

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < holdings.Count;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}
