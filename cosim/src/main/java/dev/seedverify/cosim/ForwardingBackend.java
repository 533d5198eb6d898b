package dev.seedverify.cosim;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.ArchState;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A backend that passes every call to another: the base for decorators that change one thing
 * (fault injection in the comparator's self-tests, renaming a mutant, counting calls).
 */
public abstract class ForwardingBackend implements Backend {
    protected final Backend inner;

    protected ForwardingBackend(Backend inner) { this.inner = inner; }

    @Override
    public String name() { return inner.name(); }

    @Override
    public String describe() { return inner.describe(); }

    @Override
    public int dramBytes() { return inner.dramBytes(); }

    @Override
    public void loadBare(ElfImage image) { inner.loadBare(image); }

    @Override
    public void resetCommand() { inner.resetCommand(); }

    @Override
    public Status advance(CommitLog log, int maxRecords) { return inner.advance(log, maxRecords); }

    @Override
    public int tohostValue() { return inner.tohostValue(); }

    @Override
    public int mmioRead(int offset) { return inner.mmioRead(offset); }

    @Override
    public void mmioWrite(int offset, int value) { inner.mmioWrite(offset, value); }

    @Override
    public void hostWrite(int address, byte[] data, int offset, int length) { inner.hostWrite(address, data, offset, length); }

    @Override
    public byte[] hostRead(int address, int length) { return inner.hostRead(address, length); }

    @Override
    public boolean irq() { return inner.irq(); }

    @Override
    public boolean idle() { return inner.idle(); }

    @Override
    public long dramDigest() { return inner.dramDigest(); }

    @Override
    public byte[] peekDram(int address, int length) { return inner.peekDram(address, length); }

    @Override
    public void setCsr(int address, int value) { inner.setCsr(address, value); }

    @Override
    public Optional<ArchState> finalState(CommitLog inFlight) { return inner.finalState(inFlight); }

    @Override
    public Optional<Path> waveform() { return inner.waveform(); }

    @Override
    public void traceInto(Path file) { inner.traceInto(file); }

    @Override
    public void close() { inner.close(); }
}
