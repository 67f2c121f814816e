// The loop engine's planner: which axes drop, flip, reorder and coalesce,
// and what the runner visits. Plans are checked directly (Note [Plan layout]:
// axis 0 of a plan is the innermost).

#include <test_util.hpp>

namespace {

// Byte-stride operand of an array over its own shape.
template <class T>
nd::loop::operand operand_of(const nd::array<T>& a) {
    return {a.byte_data(), a.byte_strides()};
}

template <class T>
nd::loop::plan plan_for(std::initializer_list<nd::array<T>> arrays, nd::loop::order mode) {
    std::vector<nd::loop::operand> ops;
    for (const auto& a : arrays) ops.push_back(operand_of(a));
    return nd::loop::make_plan(arrays.begin()->shape(), ops, mode);
}

// Records the elements a plan visits, in order (operand 0 only).
template <class T>
std::vector<T> visits(const nd::loop::plan& p) {
    std::vector<T> seen;
    auto record = [](void* ctx, char** data, const nd::index_t* strides, nd::index_t n) {
        auto& out = *static_cast<std::vector<T>*>(ctx);
        for (nd::index_t i = 0; i < n; ++i)
            out.push_back(*reinterpret_cast<const T*>(data[0] + i * strides[0]));
    };
    nd::loop::run(p, record, &seen);
    return seen;
}

}  // namespace

using nd::loop::order;

TEST_CASE("contiguous operands coalesce into one axis", "[loop][plan]") {
    auto a = nd::zeros<double>({4, 5, 6});
    auto b = nd::zeros<float>({4, 5, 6});
    nd::loop::operand ops[] = {operand_of(a), operand_of(b)};
    auto p = nd::loop::make_plan(a.shape(), ops, order::any);
    CHECK(p.ndim == 1);
    CHECK(p.shape[0] == 120);
    CHECK(p.strides[0][0] == 8);
    CHECK(p.strides[0][1] == 4);
    CHECK(p.size == 120);
    CHECK(p.tile == 0);
}

TEST_CASE("size-1 axes are dropped", "[loop][plan]") {
    auto a = nd::zeros<double>({1, 3, 1, 4, 1});
    auto p = plan_for({a(nd::all, nd::all, nd::all, nd::slice(0, 3), nd::all)}, order::c);
    CHECK(p.ndim == 2);
    CHECK(p.shape[0] == 3);
    CHECK(p.shape[1] == 3);
    CHECK(p.strides[0][0] == 8);
    CHECK(p.strides[1][0] == 32);
    // Every second element of the inner axis still coalesces: 2 * 16 == 32.
    auto q = plan_for({a(nd::all, nd::all, nd::all, nd::slice(nd::none, nd::none, 2), nd::all)}, order::c);
    CHECK(q.ndim == 1);
    CHECK(q.shape[0] == 6);
    CHECK(q.strides[0][0] == 16);
}

TEST_CASE("a transposed operand keeps the output's order and is tiled when large", "[loop][plan]") {
    auto src = nd::zeros<double>({300, 400});
    auto out = nd::empty<double>({400, 300});
    auto p = plan_for({out, src.T()}, order::any);
    REQUIRE(p.ndim == 2);
    CHECK(p.shape[0] == 300);  // inner axis: the output's contiguous one
    CHECK(p.strides[0][0] == 8);
    CHECK(p.strides[0][1] == 400 * 8);
    CHECK(p.tile > 0);
    auto small = plan_for({nd::empty<double>({4, 3}), nd::zeros<double>({3, 4}).T()}, order::any);
    CHECK(small.tile == 0);  // fits in cache: no tiling
    auto reduce_like = plan_for({out, src.T()}, order::any_untiled);
    CHECK(reduce_like.tile == 0);
}

TEST_CASE("a transposed pair is walked in memory order and coalesces", "[loop][plan]") {
    auto a = nd::zeros<double>({6, 7});
    auto b = nd::zeros<double>({6, 7});
    auto p = plan_for({a.T(), b.T()}, order::any);
    CHECK(p.ndim == 1);  // both F-ordered views: one contiguous run
    CHECK(p.shape[0] == 42);
    CHECK(p.strides[0][0] == 8);
    auto pc = plan_for({a.T(), b.T()}, order::c);
    CHECK(pc.ndim == 2);  // C order of the view: inner axis has stride 7 elements
    CHECK(pc.strides[0][0] == 7 * 8);
}

TEST_CASE("negative strides flip when no operand moves forward", "[loop][plan]") {
    auto a = nd::arange<int>(10);
    auto rev = a(nd::slice(nd::none, nd::none, -1));
    auto p = plan_for({rev}, order::any);
    CHECK(p.ndim == 1);
    CHECK(p.strides[0][0] == 4);
    CHECK(p.data[0] == a.byte_data());  // starts at the lowest address
    auto pc = plan_for({rev}, order::c);
    CHECK(pc.strides[0][0] == -4);
    CHECK(visits<int>(pc) == std::vector<int>{9, 8, 7, 6, 5, 4, 3, 2, 1, 0});
    // A forward output with a reversed input: no flip (order matters to the output).
    auto out = nd::empty<int>({10});
    auto mixed = plan_for({out, rev}, order::any);
    CHECK(mixed.strides[0][0] == 4);
    CHECK(mixed.strides[0][1] == -4);
}

TEST_CASE("broadcast operands (stride 0) do not disturb the order", "[loop][plan]") {
    auto out = nd::empty<double>({50, 8});
    auto row = nd::zeros<double>({8});
    nd::loop::operand ops[] = {
        operand_of(out),
        {row.byte_data(), nd::loop::broadcast_byte_strides(row.shape(), row.strides(), 8, out.shape())}};
    auto p = nd::loop::make_plan(out.shape(), ops, order::any);
    REQUIRE(p.ndim == 2);
    CHECK(p.shape[0] == 8);
    CHECK(p.strides[0][1] == 8);
    CHECK(p.strides[1][1] == 0);
    // A scalar broadcast everywhere coalesces with a contiguous output.
    auto scalar = nd::zeros<double>({1});
    nd::loop::operand ops2[] = {operand_of(out), {scalar.byte_data(), nd::shape_t{0, 0}}};
    auto p2 = nd::loop::make_plan(out.shape(), ops2, order::any);
    CHECK(p2.ndim == 1);
    CHECK(p2.shape[0] == 400);
}

TEST_CASE("C order mode visits elements in C order", "[loop][plan]") {
    auto a = nd::arange<int>(24).reshape({2, 3, 4});
    auto t = a.transpose({2, 0, 1});
    auto p = plan_for({t}, order::c);
    std::vector<int> expected = testing::elements(t);
    CHECK(visits<int>(p) == expected);
    CHECK(visits<int>(plan_for({a}, order::c)) == testing::elements(a));
}

TEST_CASE("size-0 shapes plan to nothing", "[loop][plan]") {
    auto a = nd::zeros<double>({3, 0, 4});
    auto p = plan_for({a}, order::any);
    CHECK(p.size == 0);
    CHECK(visits<double>(p).empty());
}

TEST_CASE("the fast path recognises one contiguous run", "[loop][plan]") {
    auto a = nd::zeros<double>({3, 4});
    auto b = nd::zeros<float>({3, 4});
    nd::loop::operand ops[] = {operand_of(a), operand_of(b)};
    const nd::index_t sizes[] = {8, 4};
    CHECK(nd::loop::is_one_contiguous_run(a.shape(), ops, sizes));
    nd::loop::operand ops_t[] = {operand_of(a.T()), operand_of(b.T())};
    CHECK_FALSE(nd::loop::is_one_contiguous_run(a.T().shape(), ops_t, sizes));
}

namespace {

// What run_blocks hands its kernel: every call's (n, m), and the elements
// of operand 0 in the order the calls visit them (row by row in a block).
template <class T>
struct block_record {
    std::vector<std::pair<nd::index_t, nd::index_t>> calls;
    std::vector<T> seen;
};

template <class T>
block_record<T> block_visits(const nd::loop::plan& p) {
    block_record<T> record;
    auto kernel = [](void* ctx, char** data, const nd::index_t* strides, nd::index_t n,
                     const nd::index_t* outer_strides, nd::index_t m) {
        auto& out = *static_cast<block_record<T>*>(ctx);
        out.calls.emplace_back(n, m);
        for (nd::index_t r = 0; r < m; ++r)
            for (nd::index_t i = 0; i < n; ++i)
                out.seen.push_back(
                    *reinterpret_cast<const T*>(data[0] + r * outer_strides[0] + i * strides[0]));
    };
    nd::loop::run_blocks(p, kernel, &record);
    return record;
}

}  // namespace

TEST_CASE("run_blocks visits what run visits, one call per block of the two inner axes", "[loop][plan]") {
    SECTION("1-D: one call, one row") {
        auto a = nd::arange<int>(7);
        auto r = block_visits<int>(plan_for({a}, order::c));
        CHECK(r.calls == std::vector<std::pair<nd::index_t, nd::index_t>>{{7, 1}});
        CHECK(r.seen == testing::elements(a));
    }
    SECTION("2-D: one call with every row") {
        auto a = nd::arange<int>(12).reshape({3, 4});
        auto t = a.T();  // C order of the view: inner stride 4 elements
        auto p = plan_for({t}, order::c);
        REQUIRE(p.ndim == 2);
        auto r = block_visits<int>(p);
        CHECK(r.calls == std::vector<std::pair<nd::index_t, nd::index_t>>{{3, 4}});
        CHECK(r.seen == testing::elements(t));
        CHECK(r.seen == visits<int>(p));
    }
    SECTION("3-D: one call per index of the outer axis") {
        auto a = nd::arange<int>(60).reshape({3, 4, 5});
        auto v = a.transpose({1, 0, 2});  // (4, 3, 5), nothing coalesces
        auto p = plan_for({v}, order::c);
        REQUIRE(p.ndim == 3);
        auto r = block_visits<int>(p);
        CHECK(r.calls == std::vector<std::pair<nd::index_t, nd::index_t>>(4, {5, 3}));
        CHECK(r.seen == testing::elements(v));
    }
    SECTION("4-D: the odometer carries over axes 2 and 3") {
        auto a = nd::arange<int>(2 * 3 * 4 * 5).reshape({2, 3, 4, 5});
        auto v = a.transpose({3, 1, 0, 2});  // (5, 3, 2, 4)
        auto p = plan_for({v}, order::c);
        REQUIRE(p.ndim == 4);
        auto r = block_visits<int>(p);
        CHECK(r.calls == std::vector<std::pair<nd::index_t, nd::index_t>>(15, {4, 2}));
        CHECK(r.seen == testing::elements(v));
        CHECK(r.seen == visits<int>(p));
        // Several operands advance together: operand 1 is operand 0 plus 1000.
        nd::array<int> shifted = v + 1000;
        auto p2 = plan_for({shifted, v}, order::c);
        std::vector<int> pairs_ok;
        auto check_pairs = [](void* ctx, char** data, const nd::index_t* strides, nd::index_t n,
                              const nd::index_t* outer_strides, nd::index_t m) {
            auto& ok = *static_cast<std::vector<int>*>(ctx);
            for (nd::index_t row = 0; row < m; ++row)
                for (nd::index_t i = 0; i < n; ++i)
                    ok.push_back(
                        *reinterpret_cast<const int*>(data[0] + row * outer_strides[0] + i * strides[0]) ==
                        *reinterpret_cast<const int*>(data[1] + row * outer_strides[1] + i * strides[1]) +
                            1000);
        };
        nd::loop::run_blocks(p2, check_pairs, &pairs_ok);
        CHECK(pairs_ok == std::vector<int>(120, 1));
    }
    SECTION("size 0: no call") {
        auto a = nd::zeros<double>({3, 0, 4});
        auto r = block_visits<double>(plan_for({a}, order::any));
        CHECK(r.calls.empty());
        CHECK(r.seen.empty());
    }
    SECTION("0-d: one call of one element, zero strides") {
        auto a = nd::full<int>(nd::shape_t{}, 42);
        nd::loop::operand ops[] = {operand_of(a)};
        auto p = nd::loop::make_plan(a.shape(), ops, order::any);
        REQUIRE(p.ndim == 0);
        std::vector<nd::index_t> got;
        auto kernel = [](void* ctx, char** data, const nd::index_t* strides, nd::index_t n,
                         const nd::index_t* outer_strides, nd::index_t m) {
            auto& out = *static_cast<std::vector<nd::index_t>*>(ctx);
            out = {n, m, strides[0], outer_strides[0], *reinterpret_cast<const int*>(data[0])};
        };
        nd::loop::run_blocks(p, kernel, &got);
        CHECK(got == std::vector<nd::index_t>{1, 1, 0, 0, 42});
    }
    SECTION("a tiled plan is walked run by run, every element once") {
        auto src = nd::arange<int>(300 * 400).reshape({300, 400});
        auto out = nd::empty<int>({400, 300});
        auto p = plan_for({out, src.T()}, order::any);
        REQUIRE(p.tile > 0);
        block_record<int> r;
        auto kernel = [](void* ctx, char** data, const nd::index_t* strides, nd::index_t n,
                         const nd::index_t* outer_strides, nd::index_t m) {
            auto& rec = *static_cast<block_record<int>*>(ctx);
            rec.calls.emplace_back(n, m);
            for (nd::index_t row = 0; row < m; ++row)
                for (nd::index_t i = 0; i < n; ++i)
                    rec.seen.push_back(
                        *reinterpret_cast<const int*>(data[1] + row * outer_strides[1] + i * strides[1]));
        };
        nd::loop::run_blocks(p, kernel, &r);
        CHECK(r.calls == std::vector<std::pair<nd::index_t, nd::index_t>>(400, {300, 1}));
        CHECK(r.seen == testing::elements(nd::array<int>(src.T())));
    }
}
