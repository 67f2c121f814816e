#pragma once

// Reference-counted element storage. One allocation holds a small header and
// the data (Note [One allocation per array]); large buffers come straight
// from mmap, 2 MiB aligned and advised for transparent huge pages
// (Note [Huge pages]).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

#include <sys/mman.h>

namespace nd::detail {

// Note [One allocation per array]
// The reference count lives in a 64-byte header just before the data, so an
// array costs one allocator call, not two (as shared_ptr + new[] would). The
// data pointer is 64-byte aligned: whole cache lines, and aligned AVX-512
// loads when the compiler chooses them.
inline constexpr std::size_t buffer_alignment = 64;

// Note [Huge pages]
// A fresh 80 MB result touched once faults in 20 000 4-KiB pages; the kernel
// spends more time there than the arithmetic takes. NumPy advises
// MADV_HUGEPAGE for buffers of 4 MiB and more, so that each fault maps 2 MiB.
// We do the same, and also align such buffers to 2 MiB so that every byte of
// them can be backed by huge pages.
inline constexpr std::size_t huge_page_threshold = std::size_t(4) << 20;
inline constexpr std::size_t huge_page_size = std::size_t(2) << 20;

// Note [Atomic reference counts]
// Handles may be copied and dropped from several threads, as NumPy arrays
// may be shared between threads, so the count is updated atomically. The
// compiler's __atomic builtins (GCC and Clang) do what std::atomic<long>
// would, without making every program parse <atomic>.
struct storage {
    long refs = 1;
    void* block = nullptr;         // what to free
    std::size_t mapped_bytes = 0;  // non-zero: `block` came from mmap
};
static_assert(sizeof(storage) <= buffer_alignment);

// Allocates `nbytes` of uninitialised, 64-byte aligned storage with a
// reference count of one. Returns the header; the data starts at data_of().
inline storage* allocate_storage(std::size_t nbytes) {
    if (nbytes >= huge_page_threshold) {
        std::size_t total = nbytes + huge_page_size;  // room to align data up to 2 MiB
        void* block = ::mmap(nullptr, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (block == MAP_FAILED) throw std::bad_alloc();
        auto base = reinterpret_cast<std::uintptr_t>(block);
        std::uintptr_t data = (base + buffer_alignment + huge_page_size - 1) & ~(huge_page_size - 1);
#ifdef MADV_HUGEPAGE
        ::madvise(reinterpret_cast<void*>(data), total - (data - base), MADV_HUGEPAGE);
#endif
        auto* header = new (reinterpret_cast<void*>(data - buffer_alignment)) storage;
        header->block = block;
        header->mapped_bytes = total;
        return header;
    }
    // malloc's fast path (thread cache) is several times cheaper than
    // aligned operator new, so over-allocate and align by hand: the header
    // sits at the first 64-byte boundary, the data 64 bytes after it.
    void* block = std::malloc(nbytes + 2 * buffer_alignment);
    if (!block) throw std::bad_alloc();
    auto base = reinterpret_cast<std::uintptr_t>(block);
    std::uintptr_t aligned = (base + buffer_alignment - 1) & ~(buffer_alignment - 1);
    auto* header = new (reinterpret_cast<void*>(aligned)) storage;
    header->block = block;
    return header;
}

inline void* data_of(storage* s) noexcept {
    return reinterpret_cast<char*>(s) + buffer_alignment;
}

inline void retain(storage* s) noexcept {
    if (s) __atomic_fetch_add(&s->refs, 1, __ATOMIC_RELAXED);
}

inline void release(storage* s) noexcept {
    if (!s || __atomic_fetch_sub(&s->refs, 1, __ATOMIC_ACQ_REL) != 1) return;
    void* block = s->block;
    std::size_t mapped = s->mapped_bytes;
    s->~storage();
    if (mapped)
        ::munmap(block, mapped);
    else
        std::free(block);
}

}  // namespace nd::detail
