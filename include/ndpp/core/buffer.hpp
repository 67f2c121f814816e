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
#if __has_include(<sys/single_threaded.h>)
#include <sys/single_threaded.h>
#define NDPP_HAVE_SINGLE_THREADED 1
#else
#define NDPP_HAVE_SINGLE_THREADED 0
#endif

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
//
// While the process has one thread, nothing can race on a count, and a
// locked read-modify-write is wasted: in a 16-element `c = a + b` the four
// of them (two operand handles copied into the node and dropped) cost 2-3
// ns of about 25. glibc's __libc_single_threaded says whether the process
// has only ever had one thread; it turns false before a second thread
// starts, and pthread_create orders our earlier plain updates before
// anything that thread does. libstdc++'s shared_ptr makes the same test.
struct storage {
    long refs = 1;
    void* block = nullptr;         // what to free
    std::size_t mapped_bytes = 0;  // non-zero: `block` came from mmap
    int small_class = 0;           // non-zero: a small block (Note [Small block cache])
};
static_assert(sizeof(storage) <= buffer_alignment);

// Note [Small block cache]
// A 16-element `c = a + b` is over in a few nanoseconds; malloc and free
// would cost more than the arithmetic. NumPy keeps freed data blocks under
// 1 KiB in per-size buckets and hands them out again (its npy_alloc_cache);
// we do the same per thread: data sizes up to 1 KiB fall in classes of 64
// bytes, and each class keeps up to 8 freed blocks in a singly linked list
// (the link stored in the free block itself). A block freed on another
// thread joins that thread's cache. At thread exit the cache is emptied
// and closed. The cache is off under AddressSanitizer, whose use-after-free
// detection needs every block really freed.
#if defined(__SANITIZE_ADDRESS__)
#define NDPP_SMALL_BLOCK_CACHE 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NDPP_SMALL_BLOCK_CACHE 0
#endif
#endif
#ifndef NDPP_SMALL_BLOCK_CACHE
#define NDPP_SMALL_BLOCK_CACHE 1
#endif

inline constexpr std::size_t small_block_granule = 64;
inline constexpr int small_block_classes = 16;  // data capacities 64, 128, ..., 1024 bytes
inline constexpr unsigned char small_block_depth = 8;

// Trivially destructible, so that it stays usable while other thread-local
// objects (arrays among them) are destroyed at thread exit.
struct small_block_cache {
    void* head[small_block_classes + 1];
    unsigned char count[small_block_classes + 1];
    bool flusher_armed;
    bool closed;
    void* mapping;  // Note [Reused mapping]
    std::size_t mapping_bytes;
};
inline thread_local small_block_cache small_cache{};

[[gnu::cold]] inline void free_cached_blocks() noexcept {  // at thread exit
    small_block_cache& cache = small_cache;
    cache.closed = true;
    for (int c = 1; c <= small_block_classes; ++c) {
        while (void* block = cache.head[c]) {
            cache.head[c] = *static_cast<void**>(block);
            std::free(block);
        }
        cache.count[c] = 0;
    }
    if (cache.mapping) ::munmap(cache.mapping, cache.mapping_bytes);
    cache.mapping = nullptr;
}

// Empties the cache at thread exit; constructed on the thread's first
// cached block.
struct small_cache_flusher {
    small_cache_flusher() noexcept = default;
    small_cache_flusher(const small_cache_flusher&) = delete;
    small_cache_flusher& operator=(const small_cache_flusher&) = delete;
    ~small_cache_flusher() { free_cached_blocks(); }
};
inline thread_local small_cache_flusher small_cache_exit;

// Note [Reused mapping]
// The kernel hands out fresh pages zeroed, and zeroing an 80 MB result
// costs about as much as computing `a + b` into it. A loop that makes a
// large temporary per iteration (NumPy code ported as is) would pay that
// every time, so each thread keeps the last large mapping it freed, up to
// 256 MiB, and reuses it for a request of between half its size and its
// size; its pages are already mapped, and not zeroed again.
inline constexpr std::size_t reused_mapping_limit = std::size_t(256) << 20;

inline void arm_flusher(small_block_cache& cache) noexcept {
    if (!cache.flusher_armed) [[unlikely]] {
        cache.flusher_armed = true;
        static_cast<void>(&small_cache_exit);  // first use: registers its destructor
    }
}

// A mapping of at least `bytes` (and at most twice that) from the cache,
// with its size in *mapped; null when there is none.
inline void* take_mapping(std::size_t bytes, std::size_t* mapped) noexcept {
#if NDPP_SMALL_BLOCK_CACHE
    small_block_cache& cache = small_cache;
    if (cache.mapping && cache.mapping_bytes >= bytes && cache.mapping_bytes / 2 <= bytes) {
        void* block = cache.mapping;
        *mapped = cache.mapping_bytes;
        cache.mapping = nullptr;
        return block;
    }
#endif
    static_cast<void>(bytes);
    static_cast<void>(mapped);
    return nullptr;
}

inline void give_mapping(void* block, std::size_t bytes) noexcept {
#if NDPP_SMALL_BLOCK_CACHE
    small_block_cache& cache = small_cache;
    if (!cache.closed && bytes <= reused_mapping_limit) {
        arm_flusher(cache);
        if (cache.mapping) ::munmap(cache.mapping, cache.mapping_bytes);
        cache.mapping = block;
        cache.mapping_bytes = bytes;
        return;
    }
#endif
    ::munmap(block, bytes);
}

// Takes a block of class c from the cache, or mallocs one.
inline void* take_small_block(int c) {
#if NDPP_SMALL_BLOCK_CACHE
    small_block_cache& cache = small_cache;
    if (void* block = cache.head[c]) {
        cache.head[c] = *static_cast<void**>(block);
        --cache.count[c];
        return block;
    }
#endif
    void* block = std::malloc(static_cast<std::size_t>(c) * small_block_granule + 2 * buffer_alignment);
    if (!block) throw std::bad_alloc();
    return block;
}

// Gives a block of class c back to the cache, or to free when it is full.
inline void give_small_block(void* block, int c) noexcept {
#if NDPP_SMALL_BLOCK_CACHE
    small_block_cache& cache = small_cache;
    if (!cache.closed && cache.count[c] < small_block_depth) {
        arm_flusher(cache);
        *static_cast<void**>(block) = cache.head[c];
        cache.head[c] = block;
        ++cache.count[c];
        return;
    }
#endif
    static_cast<void>(c);
    std::free(block);
}

// Allocates `nbytes` of uninitialised, 64-byte aligned storage with a
// reference count of one. Returns the header; the data starts at data_of().
inline storage* allocate_storage(std::size_t nbytes) {
    if (nbytes >= huge_page_threshold) {
        std::size_t total = nbytes + huge_page_size;  // room to align data up to 2 MiB
        void* block = take_mapping(total, &total);
        const bool reused = block != nullptr;
        if (!reused) {
            block = ::mmap(nullptr, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (block == MAP_FAILED) throw std::bad_alloc();
        }
        auto base = reinterpret_cast<std::uintptr_t>(block);
        std::uintptr_t data = (base + buffer_alignment + huge_page_size - 1) & ~(huge_page_size - 1);
#ifdef MADV_HUGEPAGE
        if (!reused) ::madvise(reinterpret_cast<void*>(data), total - (data - base), MADV_HUGEPAGE);
#endif
        auto* header = new (reinterpret_cast<void*>(data - buffer_alignment)) storage;
        header->block = block;
        header->mapped_bytes = total;
        return header;
    }
    // malloc's fast path (thread cache) is several times cheaper than
    // aligned operator new, so over-allocate and align by hand: the header
    // sits at the first 64-byte boundary, the data 64 bytes after it.
    // Small blocks come from the cache (Note [Small block cache]).
    const int small_class =
        nbytes <= small_block_classes * small_block_granule
            ? static_cast<int>(nbytes == 0 ? 1 : (nbytes + small_block_granule - 1) / small_block_granule)
            : 0;
    void* block = small_class ? take_small_block(small_class) : std::malloc(nbytes + 2 * buffer_alignment);
    if (!block) throw std::bad_alloc();
    auto base = reinterpret_cast<std::uintptr_t>(block);
    std::uintptr_t aligned = (base + buffer_alignment - 1) & ~(buffer_alignment - 1);
    auto* header = new (reinterpret_cast<void*>(aligned)) storage;
    header->block = block;
    header->small_class = small_class;
    return header;
}

inline void* data_of(storage* s) noexcept {
    return reinterpret_cast<char*>(s) + buffer_alignment;
}

// (C libraries without __libc_single_threaded, glibc before 2.32 and
// musl, always take the atomic path.)
inline bool single_threaded() noexcept {
#if NDPP_HAVE_SINGLE_THREADED
    return __libc_single_threaded != 0;
#else
    return false;
#endif
}

inline void retain(storage* s) noexcept {
    if (!s) return;
    if (single_threaded())
        ++s->refs;
    else
        __atomic_fetch_add(&s->refs, 1, __ATOMIC_RELAXED);
}

// Note [Last reference]
// A count of 1 seen by the holder of a reference means that reference is
// the only one: no other handle exists to be copied concurrently, and the
// acquire load orders every earlier release by other threads before the
// free. So the last handle (the common case: a result dropped by its only
// owner) frees without a read-modify-write, which costs as much as the
// rest of a small operation.
inline void release(storage* s) noexcept {
    if (!s) return;
    if (single_threaded()) {
        if (--s->refs != 0) return;
    } else if (__atomic_load_n(&s->refs, __ATOMIC_ACQUIRE) != 1 &&
               __atomic_fetch_sub(&s->refs, 1, __ATOMIC_ACQ_REL) != 1) {
        return;
    }
    void* block = s->block;
    const std::size_t mapped = s->mapped_bytes;
    const int small_class = s->small_class;
    s->~storage();
    if (mapped)
        give_mapping(block, mapped);
    else if (small_class)
        give_small_block(block, small_class);
    else
        std::free(block);
}

}  // namespace nd::detail
