from workspace.accounts.roles import committees_of, is_coordination, is_member


def roles(request):
    user = request.user
    return {
        "user_is_member": is_member(user),
        "user_is_coordination": is_coordination(user),
        "user_committees": committees_of(user),
    }
