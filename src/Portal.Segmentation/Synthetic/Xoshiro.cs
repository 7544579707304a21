using System.Numerics;

namespace Portal.Segmentation.Synthetic;

/// <summary>xoshiro256** seeded by SplitMix64: the same seed gives the same numbers on every machine and runtime.</summary>
internal sealed class Xoshiro
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double? _spareNormal;

    public Xoshiro(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Standard normal, by Box–Muller (the second value is kept for the next call).</summary>
    public double Normal()
    {
        if (_spareNormal is { } spare)
        {
            _spareNormal = null;
            return spare;
        }

        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        _spareNormal = radius * Math.Sin(2 * Math.PI * u2);
        return radius * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Log-normal with the given median.</summary>
    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    /// <summary>Poisson by Knuth's method: fine for the small means used here.</summary>
    public int Poisson(double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        var product = NextDouble();
        while (product > limit)
        {
            k++;
            product *= NextDouble();
        }

        return k;
    }

    /// <summary>SplitMix64's step; its finaliser is a bijection, which keeps generated tokens unique.</summary>
    public static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15;
        return Mix(state);
    }

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
