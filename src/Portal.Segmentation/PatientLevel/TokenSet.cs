using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Portal.Segmentation.PatientLevel;

/// <summary>
/// Finds repeated person tokens without keeping the tokens. Each token is stored as a 64-bit hash
/// in an open-addressing table; when two tokens share it, a second, independently seeded 32-bit
/// hash stored beside it settles whether they are the same token. A false "duplicate" needs both
/// hashes to agree (96 bits): for 3 million distinct tokens, about 1 chance in 10^16.
/// 12 bytes a slot, at most 70% full: 2.8 million people take about 48 MB.
/// </summary>
internal sealed class TokenSet
{
    private const double MaxLoad = 0.7;
    private const ulong Seed1 = 0x9E3779B97F4A7C15;
    private const ulong Seed2 = 0xD6E8FEB86659FD93;

    private ulong[] _primary;
    private uint[] _secondary;
    private readonly ulong _primaryMask;
    private int _count;

    /// <param name="expected">People expected, to size the table once.</param>
    /// <param name="primaryMask">Tests narrow the first hash to force collisions.</param>
    public TokenSet(int expected = 1024, ulong primaryMask = ulong.MaxValue)
    {
        _primaryMask = primaryMask;
        var capacity = (int)Math.Min(Array.MaxLength, Math.Max(16, (long)(expected / MaxLoad) + 1));
        _primary = new ulong[capacity];
        _secondary = new uint[capacity];
    }

    public int Count => _count;

    /// <summary>Adds the token; false when it was already there.</summary>
    public bool Add(ReadOnlySpan<char> token) => Add(HashOf(token));

    /// <summary>
    /// The token's hashes, and a hint to the processor to start loading its slot: the table is far
    /// bigger than the cache, so the reader asks early and adds after parsing the rest of the row.
    /// </summary>
    public TokenHash HashOf(ReadOnlySpan<char> token)
    {
        var bytes = MemoryMarshal.AsBytes(token);
        var hash = new TokenHash((Hash(bytes, Seed1) & _primaryMask) | 1, (uint)Hash(bytes, Seed2)); // 0 marks an empty slot
        if (Sse.IsSupported)
        {
            unsafe
            {
                fixed (ulong* slot = &_primary[SlotOf(hash.Primary, _primary.Length)])
                {
                    Sse.Prefetch0(slot);
                }
            }
        }

        return hash;
    }

    public bool Add(TokenHash hash)
    {
        var (primary, secondary) = (hash.Primary, hash.Secondary);
        if (_count + 1 > _primary.Length * MaxLoad)
        {
            Grow();
        }

        var length = _primary.Length;
        for (var slot = SlotOf(primary, length); ; slot = slot + 1 == length ? 0 : slot + 1)
        {
            var stored = _primary[slot];
            if (stored == 0)
            {
                _primary[slot] = primary;
                _secondary[slot] = secondary;
                _count++;
                return true;
            }

            if (stored == primary && _secondary[slot] == secondary)
            {
                return false;
            }
        }
    }

    /// <summary>Adds every token of another set; false when any was in both (then this set is incomplete).</summary>
    public bool TryMerge(TokenSet other)
    {
        for (var i = 0; i < other._primary.Length; i++)
        {
            if (other._primary[i] != 0 && !Add(new TokenHash(other._primary[i], other._secondary[i])))
            {
                return false;
            }
        }

        return true;
    }

    private void Grow()
    {
        var oldPrimary = _primary;
        var oldSecondary = _secondary;
        var capacity = (int)Math.Min(Array.MaxLength, oldPrimary.Length + (long)oldPrimary.Length / 2);
        _primary = new ulong[capacity];
        _secondary = new uint[capacity];
        var length = _primary.Length;
        for (var i = 0; i < oldPrimary.Length; i++)
        {
            if (oldPrimary[i] == 0)
            {
                continue;
            }

            var slot = SlotOf(oldPrimary[i], length);
            while (_primary[slot] != 0)
            {
                slot = slot + 1 == length ? 0 : slot + 1;
            }

            _primary[slot] = oldPrimary[i];
            _secondary[slot] = oldSecondary[i];
        }
    }

    /// <summary>Maps the hash's top 32 bits onto [0, length) by multiplying, so any table size works.</summary>
    private static int SlotOf(ulong hash, int length) => (int)(((hash >> 32) * (ulong)length) >> 32);

    /// <summary>A 64-bit hash in the manner of xxHash64: multiply-rotate rounds and a final avalanche.</summary>
    internal static ulong Hash(ReadOnlySpan<byte> data, ulong seed)
    {
        const ulong p1 = 0x9E3779B185EBCA87;
        const ulong p2 = 0xC2B2AE3D27D4EB4F;
        const ulong p3 = 0x165667B19E3779F9;
        const ulong p4 = 0x85EBCA77C2B2AE63;
        var h = seed + p3 + (ulong)data.Length;
        while (data.Length >= 8)
        {
            var k = BinaryPrimitives.ReadUInt64LittleEndian(data);
            k *= p2;
            k = BitOperations.RotateLeft(k, 31);
            k *= p1;
            h ^= k;
            h = BitOperations.RotateLeft(h, 27) * p1 + p4;
            data = data[8..];
        }

        foreach (var b in data)
        {
            h ^= b * p3;
            h = BitOperations.RotateLeft(h, 11) * p1;
        }

        h ^= h >> 33;
        h *= p2;
        h ^= h >> 29;
        h *= p3;
        h ^= h >> 32;
        return h;
    }
}

internal readonly record struct TokenHash(ulong Primary, uint Secondary);
